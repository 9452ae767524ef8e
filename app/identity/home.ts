// Where each role's work starts: the page a person lands on after signing in when they were not on their way
// somewhere, and the first link of their header. Shared by the server (sign-in) and the header (no server code).
import type { Role } from "../../db/schema";

const homes: Record<Role, string> = {
  citizen: "/cases",
  representative: "/cases",
  officer: "/office",
  designer: "/design",
  evaluator: "/evaluation",
  administrator: "/admin",
};

export const homeOf = (role: Role): string => homes[role];
