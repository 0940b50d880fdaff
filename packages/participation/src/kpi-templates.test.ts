import { describe, expect, it } from 'vitest';
import { KPI_TEMPLATES } from './kpi-templates.ts';

describe('KPI templates', () => {
  it('each names its source and has a unique id', () => {
    for (const t of KPI_TEMPLATES) {
      expect(t.source.publisher.length).toBeGreaterThan(0);
      expect(t.source.title.length).toBeGreaterThan(0);
    }
    expect(new Set(KPI_TEMPLATES.map((t) => t.id)).size).toBe(KPI_TEMPLATES.length);
  });

  it('covers the four sources in the seeds and carries no HACT values', () => {
    const publishers = new Set(KPI_TEMPLATES.map((t) => t.source.publisher));
    expect([...publishers].join(' ')).toMatch(
      /NEF.*Co-operative Councils.*CLES.*Local Government Association/s,
    );
    expect(JSON.stringify(KPI_TEMPLATES)).not.toMatch(/HACT|£/);
  });

  it('suggests a question for every survey template and none otherwise', () => {
    for (const t of KPI_TEMPLATES) expect(t.question === null).toBe(t.method !== 'survey');
  });
});
