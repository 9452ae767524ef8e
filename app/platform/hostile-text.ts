// One rule for text that people type and others read (officers' messages, ideas, answers, comments).

/**
 * Refuses what has no place in a message to a person and is a known way to attack one: markup (`<script`,
 * `<img`…), control characters, and bidirectional overrides that make text read differently from what it
 * contains ("Trojan Source"). Comparisons such as "5 < 6" stay allowed.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hostile = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|<\s*[a-zA-Z!/?]/;
export const isHostileText = (value: string) => hostile.test(value);
