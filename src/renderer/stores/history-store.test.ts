import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../main/app';
import { headlessDesktop } from '../../main/desktop/desktop';
import { insertAnswer } from '../../main/testing/seed';
import { createTempServices } from '../../main/testing/temp-services';

let services: ReturnType<typeof createTempServices>;
let calls: string[];

beforeEach(async () => {
  services = createTempServices();
  const dispatch = createApp({ services, desktop: headlessDesktop }).dispatch;
  calls = [];
  vi.resetModules();
  const { createApi } = await import('../../shared/api');
  vi.stubGlobal('window', {
    api: createApi({
      invoke: (channel, input) => {
        calls.push(channel);
        return dispatch(channel, input);
      },
      on: () => () => {},
    }),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  services.dispose();
});

/** 450 analyses: every third in "Vụ A", every third in "Vụ B", the rest in no matter; the newest is in B. */
function seed() {
  const a = services.matters.create('Vụ A');
  const b = services.matters.create('Vụ B');
  const start = a.createdAt + 1_000;
  for (let i = 0; i < 450; i++) {
    insertAnswer(services.db, {
      id: `q${i}`,
      question: `Câu hỏi ${i}`,
      text: '',
      documentIds: [],
      createdAt: start + i,
      matterId: i % 3 === 0 ? a.id : i % 3 === 1 ? null : b.id,
    });
  }
  return { a, b };
}

const ids = (rows: readonly ({ answerId: string } | undefined)[]) => rows.map((row) => row?.answerId);

describe('history store', () => {
  it('fills the groups on top from one round trip, each group newest first and partly fetched', async () => {
    const { a, b } = seed();
    const { useHistory, rowOf, UNFILED } = await import('./history-store');
    await useHistory.getState().refresh();
    expect(calls.sort()).toEqual(['history:page', 'matters:list']);

    const { groups, unfiledActivity } = useHistory.getState();
    expect([groups[a.id]?.total, groups[b.id]?.total, groups[UNFILED]?.total]).toEqual([150, 150, 150]);
    // The newest 100 of all, dealt to their groups: each group's first rows, in its own order.
    expect(ids([0, 1, 2].map((i) => rowOf(groups[b.id], i)))).toEqual(['q449', 'q446', 'q443']);
    expect(ids([0, 1].map((i) => rowOf(groups[UNFILED], i)))).toEqual(['q448', 'q445']);
    expect(groups[a.id]?.pages[0]).toHaveLength(33);
    expect(unfiledActivity).toBe(a.createdAt + 1_000 + 448);
  });

  it('fetches a whole page when a row past the first ones is wanted, and each page once', async () => {
    const { a } = seed();
    const { useHistory, rowOf } = await import('./history-store');
    await useHistory.getState().refresh();
    calls = [];
    useHistory.getState().ensureRow(a.id, 10);
    expect(calls).toEqual([]);
    useHistory.getState().ensureRow(a.id, 120);
    useHistory.getState().ensureRow(a.id, 121);
    await vi.waitFor(() => expect(rowOf(useHistory.getState().groups[a.id], 120)).toBeDefined());
    expect(calls).toEqual(['history:page']);
    const group = useHistory.getState().groups[a.id];
    expect(group?.pages[0]).toHaveLength(150);
    // Oldest last: q0 is the first analysis asked, filed in A.
    expect(rowOf(group, 149)?.answerId).toBe('q0');
  });

  it('keeps the chosen matter only while it exists', async () => {
    const { b } = seed();
    const { useHistory, UNFILED } = await import('./history-store');
    await useHistory.getState().refresh();
    useHistory.getState().setCurrentMatter(b.id);
    await useHistory.getState().removeMatter(b.id);
    expect(useHistory.getState().currentMatterId).toBe(UNFILED);
    expect(useHistory.getState().matters.map((m) => m.name)).toEqual(['Vụ A']);
  });
});
