// Data minimisation and published schemas: every payload carries only its procedure's data items and
// passes its zod schema, for every sample person; every schema is published as JSON Schema.
import { describe, expect, it } from "vitest";
import { dataDictionary, getProcedure, listLifeEvents, listLifeEventVersions, listProcedures, payloadJsonSchemas, selectProcedures } from "../index";

const cases = listLifeEvents().flatMap((lifeEvent) =>
  lifeEvent.samples.flatMap((sample) =>
    selectProcedures({ lifeEvent, answers: sample.answers, record: sample.record }).map((selected) => ({
      name: `${sample.id} → ${selected.procedureId}`,
      selected,
    })),
  ),
);

describe("payloads", () => {
  it("are built for every procedure in the catalogue by some sample of some published version", () => {
    // A procedure only an earlier version selects (car ownership's single kei procedure of version 1) still builds.
    const built = new Set(
      listLifeEventVersions().flatMap((lifeEvent) =>
        lifeEvent.samples.flatMap((sample) => selectProcedures({ lifeEvent, answers: sample.answers, record: sample.record }).map((selected) => selected.procedureId)),
      ),
    );
    const unbuilt = listProcedures().map((procedure) => procedure.id).filter((id) => !built.has(id));
    expect(unbuilt).toEqual([]);
  });

  it.each(cases)("$name carries only its data items and passes its schema", ({ selected }) => {
    const procedure = getProcedure(selected.procedureId)!;
    expect(Object.keys(selected.payload as object).every((key) => procedure.dataItems.includes(key as never))).toBe(true);
    // Listed: the declared items the payload carries (an optional item the person lacks is not listed).
    expect(selected.dataItems).toEqual(procedure.dataItems.filter((key) => key in (selected.payload as object)));
    expect(procedure.payloadSchema.safeParse(selected.payload).success).toBe(true);
  });

  it("a payload schema refuses data the procedure did not declare", () => {
    const moveOut = cases.find(({ selected }) => selected.procedureId === "move-out-notification")!.selected;
    expect(getProcedure("move-out-notification")!.payloadSchema.safeParse({ ...(moveOut.payload as object), healthInsurance: "nhi" }).success).toBe(false);
  });

  it("Japan Post receives the names of those who move, not their birth dates", () => {
    const mail = cases.find(({ name }) => name === "p-sato-kenji → mail-forwarding")!.selected;
    expect((mail.payload as { movingMembers: object[] }).movingMembers).toEqual([{ name: "佐藤 由美" }, { name: "佐藤 大地" }, { name: "佐藤 美緒" }]);
  });

  it("names only data items of the dictionary", () => {
    for (const procedure of listProcedures()) for (const item of procedure.dataItems) expect(dataDictionary).toHaveProperty(item);
  });
});

describe("payload JSON Schemas", () => {
  const schemas = payloadJsonSchemas();

  it("are published for every procedure, as closed objects listing exactly its data items", () => {
    expect(Object.keys(schemas).sort()).toEqual(listProcedures().map((procedure) => procedure.id).sort());
    for (const procedure of listProcedures()) {
      const schema = schemas[procedure.id] as { type: string; properties: object; additionalProperties: boolean; title: string };
      expect(schema.type).toBe("object");
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties).sort()).toEqual([...procedure.dataItems].sort());
      expect(schema.title).toBe(procedure.name.en);
    }
  });

  it("mark optional items as not required", () => {
    const moveIn = schemas["move-in-notification"] as { required: string[] };
    expect(moveIn.required).toContain("newAddress");
    expect(moveIn.required).not.toContain("residenceCardNumber");
  });
});
