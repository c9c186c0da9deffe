// Every Dutch sentence the API says to a user, in one place.
export const messages = {
  notFound: 'In de documenten staat geen antwoord op deze vraag. Hieronder staan de passages die er het dichtst bij komen; beoordeel zelf of ze bruikbaar zijn.',
  invalidJson: 'De aanvraag is geen geldige JSON.',
  payloadTooLarge: 'De aanvraag is te groot.',
  routeNotFound: 'Deze pagina of API-route bestaat niet.',
  documentNotFound: (id: string) => `Document "${id}" bestaat niet.`,
  internalError: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
  originNotAllowed: (origin: string) => `Deze assistent beantwoordt geen vragen vanaf ${origin}. Vraag de beheerder deze site toe te voegen aan ALLOWED_ORIGINS.`,
  indexMissing: 'De zoekindex is nog niet gebouwd. Voer "npm run build:index" uit of start de assistent met "npm start".',
} as const;
