'use client';

import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A chart with its title, and the same numbers as a table for screen readers and the curious. */
export function Figure({
  title,
  description,
  chart,
  table,
}: {
  title: string;
  description: string;
  chart: ReactElement;
  table: { head: string[]; rows: (string | number)[][] };
}) {
  return (
    <figure className="chart panel">
      <figcaption>
        <h2>{title}</h2>
        <p className="muted small">{description}</p>
      </figcaption>
      <div className="chart-body" role="img" aria-label={`${title}: ${description}`}>
        <ResponsiveContainer width="100%" height={240}>
          {chart}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Table view</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {table.head.map((cell) => (
                  <th key={cell} scope="col">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
