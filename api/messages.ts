// Every Dutch sentence the API and its build say to a user, in one place.
export const messages = {
  notFound:
    'In de documenten staat geen antwoord op deze vraag. Hieronder staan de passages die er het dichtst bij komen; beoordeel zelf of ze bruikbaar zijn.',
  notFoundNoPassages: 'In de documenten staat geen antwoord op deze vraag, en ook niets wat er dicht bij komt.',
  partialAnswer: 'De documenten beantwoorden deze vraag mogelijk niet of niet volledig; controleer de citaten. Dit zeggen ze erover:',
  invalidJson: 'De aanvraag is geen geldige JSON.',
  invalidRequest: 'De aanvraag is niet geldig.',
  payloadTooLarge: 'De aanvraag is te groot.',
  routeNotFound: 'Deze pagina of API-route bestaat niet.',
  documentNotFound: (id: string) => `Document "${id}" bestaat niet.`,
  internalError: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
  hostNotAllowed:
    'Deze assistent is niet bereikbaar onder dit adres. Gebruik het adres dat de beheerder heeft gegeven (PUBLIC_URL), of vraag de beheerder het in te stellen.',
  methodNotAllowed: (allowed: string) => `Deze route kent deze methode niet; gebruik ${allowed}.`,
  notJson: 'Stuur de vraag als JSON, met de kop "Content-Type: application/json".',
  rateLimited: (seconds: number) => `U stelt veel vragen kort na elkaar. Probeer het over ${seconds} seconden opnieuw.`,
  requestTimeout: 'Het beantwoorden duurde te lang. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
  storeUnavailable:
    'De database van de assistent is even niet bereikbaar. Probeer het over een minuut opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
  feedbackUnavailable: 'Beoordelingen kunnen op deze server niet worden bewaard. Meld het aan de beheerder.',
  shuttingDown: 'De assistent wordt herstart. Probeer het over een minuut opnieuw.',
  overloaded: 'De assistent is op dit moment erg druk. Probeer het over een paar seconden opnieuw.',
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
    circuit_open: 'Het taalmodel werkte de laatste tijd niet; dit is het letterlijke antwoord uit de documenten. Het taalmodel wordt zo weer geprobeerd.',
    busy: 'Het taalmodel is bezig met andere vragen; dit is het letterlijke antwoord uit de documenten.',
    cancelled: 'De vraag werd ingetrokken; dit is het letterlijke antwoord uit de documenten.',
  },
  indexMissing: 'De zoekindex is nog niet gebouwd. Voer "npm run build:index" uit of start de assistent met "npm start".',
  indexFormat: (found: number, expected: number) => `De index heeft formaat ${found}, deze versie verwacht ${expected}. Voer "npm run build:index" uit.`,
  indexDamaged: (detail: string) => `De index is beschadigd (${detail}). Voer "npm run build:index" uit om hem opnieuw te bouwen.`,
  indexModelMismatch: (built: string, configured: string) =>
    `De index is gebouwd met model ${built}, maar geconfigureerd is ${configured}. Voer "npm run build:index" uit om de index opnieuw te bouwen.`,
  storeLost: (reason: string) => `De index is niet bereikbaar: ${reason} De assistent blijft het proberen.`,
  storeBack: 'De index is weer bereikbaar.',
  probeFailed: (problem: string) => `Een proefvraag aan de index mislukte: ${problem}`,
  storeSchemaMissing:
    'De database van de assistent is leeg of onvolledig (de tabellen ontbreken). Bouw de index opnieuw (npm run build:index); zodra dat gebeurd is, antwoordt de assistent weer.',
  indexSwapped: (builtAt: string, documents: number) => `Nieuwe index in gebruik (gebouwd ${builtAt}, ${documents} documenten).`,
  indexRefused: (reason: string) => `Nieuwe index geweigerd: ${reason} De vorige index blijft in gebruik.`,
  lexicalOnly: (reason: string) => `Alleen lexicaal zoeken: ${reason}.`,
  noVectors: 'de index heeft geen vectoren',
  corpusEmpty: 'Geen documenten gevonden in de corpusmap (.txt, .md, .html, .pdf, .docx of .odt).',
  nothingReadable: (skipped: number) => `Geen enkel document in de corpusmap kon worden gelezen (${skipped} overgeslagen; zie de meldingen hierboven).`,
  documentSkipped: (file: string, reason: string) => `Overgeslagen: ${file}: ${reason}.`,
  onlyScans: (pages: number) => `bevat alleen gescande pagina's (${pages}) en tekstherkenning staat uit (OCR=off)`,
  scansUnread: (file: string, pages: readonly number[]) =>
    `${file}: ${pages.length === 1 ? 'pagina' : "pagina's"} ${listPages(pages)} ${pages.length === 1 ? 'is een scan' : 'zijn scans'} en niet gelezen: tekstherkenning staat uit (OCR=off).`,
  onlyPictures: 'bevat alleen afbeeldingen zonder leesbare tekst (ook niet na tekstherkenning)',
  picturesLeftOut: (file: string, pages: readonly number[]) =>
    `${file}: op ${pages.length === 1 ? 'pagina' : "pagina's"} ${listPages(pages)} is geen leesbare tekst herkend (een foto of een te slechte scan); niet opgenomen.`,
  doubtfulScan: (file: string, pages: readonly { page: number; confidence: number }[]) =>
    `${file}: tekst herkend met lage zekerheid op ${pages.length === 1 ? 'pagina' : "pagina's"} ${pages
      .map(({ page, confidence }) => `${page} (${confidence} %)`)
      .join(', ')}; controleer het origineel of lever een betere scan aan.`,
  recognisedPages: (pages: number, documents: number) => `${pages} gescande pagina('s) in ${documents} document(en) herkend.`,
  pagesRecognised: (file: string, done: number, total: number) => `${file}: pagina ${done} van ${total} herkend`,
  memo: {
    title: 'Memo',
    subject: 'Onderwerp',
    date: 'Datum',
    conversation: (subject: string, more: number) => `${subject} (en ${more} ${more === 1 ? 'vervolgvraag' : 'vervolgvragen'})`,
    madeOf: 'Deze tekst bestaat uit letterlijke citaten uit de genoemde documenten; elke zin verwijst in een voetnoot naar de plek waar hij staat.',
    languageModel:
      'Waar een taalmodel het antwoord formuleerde, staan alleen de zinnen die aan hun bron getoetst zijn; de voetnoot geeft het letterlijke citaat.',
    notFound: 'De documenten geven hierop geen antwoord.',
    sources: 'Bronnen',
    fileName: (subject: string) => `Memo ${subject}`,
  },
  exportStale: (quotes: readonly string[]) =>
    `Niet geëxporteerd: ${quotes.length === 1 ? 'dit citaat staat' : 'deze citaten staan'} niet (meer) zo in de documenten: ${quotes
      .map((quote) => `„${quote.length > 80 ? `${quote.slice(0, 77)}…` : quote}”`)
      .join(', ')}. Stel de vraag opnieuw voor een actueel antwoord.`,
  exportNotLiteral: 'Niet geëxporteerd: de tekst van een antwoord komt niet overeen met zijn citaten. Stel de vraag opnieuw.',
  sessionInvalid: 'Je sessie is verlopen of ongeldig. Log opnieuw in, of ga verder zonder in te loggen.',
  signInUnavailable: 'Inloggen lukt nu niet: de inlogdienst van de gemeente is niet bereikbaar. Probeer het later opnieuw.',
  signInExpired: 'Het inloggen duurde te lang of is in een ander venster begonnen. Probeer opnieuw in te loggen.',
  signInFailed: 'Inloggen is niet gelukt: de inlogdienst gaf geen geldige bevestiging. Probeer het opnieuw.',
  returnToNotOwn: 'returnTo moet een pad op deze site zijn, zoals /documents.',
  collectionsInvalid: (where: string, problem: string) =>
    `Ongeldige collecties in ${where}: ${problem}. De index is niet gebouwd; de vorige blijft in gebruik.`,
  documentOutsideCollections: (file: string) =>
    `${file} staat in de hoofdmap van de corpus, maar met collections.json hoort elk document in de map van een collectie. Verplaats het naar zo'n map.`,
  folderWithoutCollection: (folder: string) =>
    `De map "${folder}" staat niet in collections.json. Voeg hem toe met "access": "public" of met de groepen die hem mogen lezen.`,
  invalidMetadata: (file: string, problems: string) => `Ongeldige metadata in ${file}: ${problems}`,
  duplicateDocumentId: (first: string, id: string) => `krijgt hetzelfde id "${id}" als ${first}; hernoem een van beide`,
  unsupportedFileType: (extension: string, file: string) => `Bestandstype ${extension} wordt niet ondersteund (${file}).`,
} as const;

/** "3", "3 en 5", "1, 2 en 7". */
function listPages(pages: readonly number[]): string {
  return pages.length <= 1 ? pages.join('') : `${pages.slice(0, -1).join(', ')} en ${pages.at(-1)}`;
}
