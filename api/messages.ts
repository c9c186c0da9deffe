// Every Dutch sentence the API says to a user, in one place.
export const messages = {
  notFound: 'In de documenten staat geen antwoord op deze vraag. Hieronder staan de passages die er het dichtst bij komen; beoordeel zelf of ze bruikbaar zijn.',
  invalidJson: 'De aanvraag is geen geldige JSON.',
  payloadTooLarge: 'De aanvraag is te groot.',
  routeNotFound: 'Deze pagina of API-route bestaat niet.',
  documentNotFound: (id: string) => `Document "${id}" bestaat niet.`,
  internalError: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
  originNotAllowed: (origin: string) => `Deze assistent beantwoordt geen vragen vanaf ${origin}. Vraag de beheerder deze site toe te voegen aan ALLOWED_ORIGINS.`,
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
} as const;
