// Fastify validates every request against its route's JSON schema (ajv); this turns ajv's English
// messages into French ones that name the field and say what was expected.

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const PART_LABELS: Record<string, string> = {
  querystring: 'paramètre',
  params: 'paramètre d’URL',
  body: 'champ',
  headers: 'en-tête',
};

export function frenchValidationMessage(errors: AjvError[], context: string): string {
  const error = errors[0];
  if (!error) return 'Requête invalide.';
  const part = PART_LABELS[context] ?? 'champ';
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') {
    const field = [path, String(error.params.missingProperty)].filter(Boolean).join('.');
    return `Requête invalide : le ${part} « ${field} » est obligatoire.`;
  }
  if (error.keyword === 'additionalProperties') {
    const field = [path, String(error.params.additionalProperty)].filter(Boolean).join('.');
    return `Requête invalide : le ${part} « ${field} » n’est pas reconnu.`;
  }
  const field = path || '(corps de la requête)';
  return `Requête invalide : le ${part} « ${field} » ${expectation(error)}.`;
}

function expectation(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return `doit être de type ${TYPE_LABELS[String(p.type)] ?? p.type}`;
    case 'minimum':
      return `doit être supérieur ou égal à ${p.limit}`;
    case 'maximum':
      return `doit être inférieur ou égal à ${p.limit}`;
    case 'exclusiveMinimum':
      return `doit être strictement supérieur à ${p.limit}`;
    case 'minLength':
      return Number(p.limit) === 1 ? 'ne doit pas être vide' : `doit compter au moins ${p.limit} caractères`;
    case 'maxLength':
      return `doit compter au plus ${p.limit} caractères`;
    case 'minItems':
      return `doit contenir au moins ${p.limit} élément(s)`;
    case 'maxItems':
      return `doit contenir au plus ${p.limit} éléments`;
    case 'enum':
      return `doit valoir l’une des valeurs : ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `doit valoir ${String(p.allowedValue)}`;
    case 'pattern':
      return 'n’a pas le format attendu';
    case 'format':
      return `doit être au format ${FORMAT_LABELS[String(p.format)] ?? p.format}`;
    case 'anyOf':
    case 'oneOf':
      return 'n’a pas une forme acceptée';
    default:
      return 'est invalide';
  }
}

const TYPE_LABELS: Record<string, string> = {
  integer: 'nombre entier',
  number: 'nombre',
  string: 'texte',
  boolean: 'booléen (true ou false)',
  array: 'liste',
  object: 'objet',
  null: 'null',
};
const FORMAT_LABELS: Record<string, string> = {
  date: 'date AAAA-MM-JJ',
  'date-time': 'date et heure ISO 8601',
  email: 'adresse électronique',
  uuid: 'identifiant UUID',
  uri: 'adresse web',
};
