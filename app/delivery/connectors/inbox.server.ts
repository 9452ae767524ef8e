// The inbox channel: the agency's officers work in the portal's back office, which reads procedure
// requests straight from the database, so delivering is only recording that the request is theirs now.
import type { Connector } from "./connector.server";

export const inboxConnector: Connector = {
  async deliver() {
    // The dispatcher's delivery.succeeded moves the request to 'delivered', which puts it in the agency's
    // inbox, and its audit entry records that the agency received the data.
    return { ok: true };
  },
};
