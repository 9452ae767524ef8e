// The catalogue's sections and page size, shared by its loader and its page.
export const catalogueSections = ["all", "lifeEvents", "procedures", "organisations"] as const;
export type CatalogueSection = (typeof catalogueSections)[number];

/** How many organisations the page lists at most (there are hundreds of municipalities). */
export const organisationLimit = 50;
