// One route of about the size of a portal page: a loader with 50 rows and a table that shows them.
import { useLoaderData } from "@remix-run/react";

// The bare app has one language and no i18next: its texts are constants.
const texts = {
  title: "Bare route",
  intro: "A page of about the size of the portal's pages, to measure what Remix itself costs on this machine.",
  reference: "Reference",
  procedure: "Procedure",
  status: "Status",
  deadline: "Deadline",
};

export const meta = () => [{ title: texts.title }];

export function loader() {
  const today = new Date();
  return {
    rows: Array.from({ length: 50 }, (_, i) => ({
      id: `row-${i}`,
      reference: `MDG-2026-${String(1000 + i)}-ABCD`,
      name: `Procedure number ${i}`,
      status: i % 3 === 0 ? "delivered" : "accepted",
      date: new Date(today.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    })),
  };
}

export default function Index() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{texts.reference}</th>
            <th scope="col">{texts.procedure}</th>
            <th scope="col">{texts.status}</th>
            <th scope="col">{texts.deadline}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/rows/${row.id}`}>{row.reference}</a>
              </td>
              <td>{row.name}</td>
              <td>{row.status}</td>
              <td>{row.date}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
