// How long a password chosen by a member of staff must be: shared by the invitation page and the server.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
