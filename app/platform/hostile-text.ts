// One check for text that staff type and citizens or agencies read (officers' decisions, administrators'
// closing reasons), so every part refuses the same things.

/**
 * Refuses what has no place in a message to a person and is a known way to attack one: markup (`<script`,
 * `<img`…), control characters, and bidirectional overrides that make text read differently from what it
 * contains ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hostile = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|<\s*[a-zA-Z!/?]/;
export const isHostileText = (value: string) => hostile.test(value);
