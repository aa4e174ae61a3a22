import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, readTabular, TabularError, writeCsv, writeXlsx } from './tabular';

describe('readTabular', () => {
  it('reads a UTF-8 CSV with BOM and semicolons, skipping empty lines, with file line numbers', async () => {
    const text = '\uFEFFNom;Surface (ha)\n"Parc ""Nord""\nextension";12,5\n\n;\nZA Sud;3\n';
    const file = await readTabular(Buffer.from(text, 'utf8'), 'sites.csv');
    expect(file.format).toBe('csv');
    const [sheet] = file.sheets;
    expect(sheet!.headers).toEqual(['Nom', 'Surface (ha)']);
    expect(sheet!.rows).toEqual([
      ['Parc "Nord"\nextension', '12,5'],
      ['ZA Sud', '3'],
    ]);
    // The first record spans lines 2-3; the blank line 4 and the empty line 5 are skipped.
    expect(sheet!.lineNumbers).toEqual([3, 6]);
  });

  it('reads Windows-1252 and comma-separated files', async () => {
    const data = iconv.encode('Bénéficiaire,Commune\nSociété Générale de Tôlerie,Épinal\n', 'win1252');
    expect(decodeText(data)).toContain('Tôlerie');
    const [sheet] = (await readTabular(data)).sheets;
    expect(sheet!.rows[0]).toEqual(['Société Générale de Tôlerie', 'Épinal']);
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads every sheet of an XLSX workbook with its row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Binômes');
    a.addRow(['Nom', 'Type']);
    a.addRow([]);
    a.addRow(['Martin', 'Élu']);
    wb.addWorksheet('Vide');
    const file = await readTabular(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(file.format).toBe('xlsx');
    expect(file.sheets.map((s) => s.name)).toEqual(['Binômes']);
    expect(file.sheets[0]!.lineNumbers).toEqual([3]);
  });

  it('says in French what is wrong with an unreadable file', async () => {
    await expect(readTabular(new Uint8Array())).rejects.toThrow(TabularError);
    await expect(readTabular(Buffer.from('x'), 'ancien.xls')).rejects.toThrow(/\.xls .*non pris en charge/);
    await expect(readTabular(Buffer.from('PK\u0003\u0004garbage'))).rejects.toThrow(
      /Classeur Excel illisible/,
    );
  });
});

describe('writers', () => {
  it('writes a CSV that French spreadsheets open, protected against formulas', () => {
    const csv = writeCsv(
      ['Nom', 'Montant'],
      [
        ['=HYPERLINK("x")', -12],
        ['a;b', null],
      ],
    ).toString('utf8');
    expect(csv).toBe('\uFEFFNom;Montant\r\n"\'=HYPERLINK(""x"")";-12\r\n"a;b";\r\n');
  });

  it('writes an XLSX that reads back', async () => {
    const data = await writeXlsx([
      { name: 'Lauréats', headers: ['Nom', 'Subvention (€)'], rows: [['Forges', 1000]] },
    ]);
    const [sheet] = (await readTabular(data)).sheets;
    expect(sheet!.name).toBe('Lauréats');
    expect(sheet!.rows).toEqual([['Forges', 1000]]);
  });
});
