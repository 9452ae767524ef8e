// The translation namespaces of the journey and case pages: the journey's own and one per life event (a
// life event's id is its namespace). Shared with the browser, so it must not import the flows catalogue;
// a test checks it against flows/.
export const journeyNamespaces = ["journey", "car-ownership", "incorporation", "relocation"];
