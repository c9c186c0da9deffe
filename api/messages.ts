// Every Dutch sentence the API and its build say to a user, in one place.
export const messages = {
  notFound:
    'In de documenten staat geen antwoord op deze vraag. Hieronder staan de passages die er het dichtst bij komen; beoordeel zelf of ze bruikbaar zijn.',
  partialAnswer: 'De documenten beantwoorden deze vraag niet volledig; dit zeggen ze erover:',
  invalidJson: 'De aanvraag is geen geldige JSON.',
  payloadTooLarge: 'De aanvraag is te groot.',
  routeNotFound: 'Deze pagina of API-route bestaat niet.',
  documentNotFound: (id: string) => `Document "${id}" bestaat niet.`,
  internalError: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
  originNotAllowed: (origin: string) =>
    `Deze assistent beantwoordt geen vragen vanaf ${origin}. Vraag de beheerder deze site toe te voegen aan ALLOWED_ORIGINS.`,
  fallback: {
    not_configured: 'Er is geen taalmodel ingesteld; dit is het letterlijke antwoord uit de documenten.',
    timeout: 'Het taalmodel antwoordde niet op tijd; dit is het letterlijke antwoord uit de documenten.',
    rate_limited: 'Het taalmodel is tijdelijk overbelast; dit is het letterlijke antwoord uit de documenten.',
    upstream_error: 'Het taalmodel gaf een fout; dit is het letterlijke antwoord uit de documenten.',
    unreachable: 'Het taalmodel is niet bereikbaar; dit is het letterlijke antwoord uit de documenten.',
    invalid_response: 'Het taalmodel gaf een onbruikbaar antwoord; dit is het letterlijke antwoord uit de documenten.',
    no_valid_citations: 'Het antwoord van het taalmodel was niet met de documenten te onderbouwen; dit is het letterlijke antwoord uit de documenten.',
  },
  indexMissing: 'De zoekindex is nog niet gebouwd. Voer "npm run build:index" uit of start de assistent met "npm start".',
  indexFormat: (found: number, expected: number) => `De index heeft formaat ${found}, deze versie verwacht ${expected}. Voer "npm run build:index" uit.`,
  indexDamaged: (detail: string) => `De index is beschadigd (${detail}). Voer "npm run build:index" uit om hem opnieuw te bouwen.`,
  indexModelMismatch: (built: string, configured: string) =>
    `De index is gebouwd met model ${built}, maar geconfigureerd is ${configured}. Voer "npm run build:index" uit om de index opnieuw te bouwen.`,
  indexSwapped: (builtAt: string, documents: number) => `Nieuwe index in gebruik (gebouwd ${builtAt}, ${documents} documenten).`,
  indexRefused: (reason: string) => `Nieuwe index geweigerd: ${reason} De vorige index blijft in gebruik.`,
  lexicalOnly: (reason: string) => `Alleen lexicaal zoeken: ${reason}.`,
  noVectors: 'de index heeft geen vectoren',
  corpusEmpty: 'Geen documenten gevonden in de corpusmap (.txt, .md, .html, .pdf, .docx of .odt).',
  nothingReadable: (skipped: number) => `Geen enkel document in de corpusmap kon worden gelezen (${skipped} overgeslagen; zie de meldingen hierboven).`,
  documentSkipped: (file: string, reason: string) => `Overgeslagen: ${file}: ${reason}.`,
  invalidMetadata: (file: string, problems: string) => `Ongeldige metadata in ${file}: ${problems}`,
  duplicateDocumentId: (first: string, id: string) => `krijgt hetzelfde id "${id}" als ${first}; hernoem een van beide`,
  unsupportedFileType: (extension: string, file: string) => `Bestandstype ${extension} wordt niet ondersteund (${file}).`,
} as const;
