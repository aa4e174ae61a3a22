import type { Comparaison } from './types';

/**
 * The transition matrix drawn as a heatmap: rows = statut in the first campaign, columns = statut in
 * the second, darker = more actions. An image for screen readers (its figures are in the table that
 * follows on the page).
 */
export function TransitionHeatmap({
  matrix,
  de,
  a,
}: {
  matrix: Comparaison['transitions'];
  de: string;
  a: string;
}) {
  const n = matrix.statuts.length;
  const cell = 64;
  const left = 190;
  const top = 150;
  const max = Math.max(1, ...matrix.cells.flat());
  // Room on the right for the last rotated column label.
  const width = left + n * cell + 110;
  const height = top + n * cell + 8;
  const shade = (v: number) => {
    // From white to DSFR blue France (#000091), on a square-root scale so small flows stay visible.
    const t = Math.sqrt(v / max);
    const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
    return `rgb(${mix(245, 0)}, ${mix(245, 0)}, ${mix(255, 145)})`;
  };
  return (
    <svg
      className="pilote-heatmap"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      role="img"
      aria-label={`Matrice de transition des statuts entre ${de} (lignes) et ${a} (colonnes) ; le tableau qui suit en donne les valeurs.`}
    >
      <text x={left} y={14} fontSize={13} fontWeight="bold">
        Statut à la campagne « {a} » →
      </text>
      {matrix.statuts.map((s, j) => (
        <text
          key={`c-${s.code}`}
          transform={`translate(${left + j * cell + cell / 2 + 4}, ${top - 6}) rotate(-45)`}
          fontSize={12}
        >
          {s.label.length > 22 ? `${s.label.slice(0, 21)}…` : s.label}
        </text>
      ))}
      {matrix.statuts.map((s, i) => (
        <g key={`r-${s.code}`}>
          <text x={left - 8} y={top + i * cell + cell / 2 + 4} fontSize={12} textAnchor="end">
            {s.label.length > 26 ? `${s.label.slice(0, 25)}…` : s.label}
          </text>
          {matrix.cells[i]!.map((v, j) => (
            <g key={matrix.statuts[j]!.code}>
              <rect
                x={left + j * cell}
                y={top + i * cell}
                width={cell - 2}
                height={cell - 2}
                fill={shade(v)}
                stroke={i === j ? '#161616' : 'none'}
                strokeWidth={i === j ? 1.5 : 0}
              />
              <text
                x={left + j * cell + cell / 2 - 1}
                y={top + i * cell + cell / 2 + 4}
                fontSize={13}
                textAnchor="middle"
                fill={Math.sqrt(v / max) > 0.5 ? '#ffffff' : '#161616'}
              >
                {v}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
