import { describe, expect, it } from 'vitest';
import { WorkshopWriteGate } from './write-gate.ts';

/** A promise with its resolve, to hold work open until the test lets it go. */
function held() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('the workshop write gate', () => {
  it('lets at most `width` writes of one workshop run at once and queues the rest in order', async () => {
    const gate = new WorkshopWriteGate(2);
    const holds = [held(), held(), held(), held()];
    const started: number[] = [];
    const runs = holds.map((h, i) =>
      gate.run('w1', async () => {
        started.push(i);
        await h.promise;
        return i;
      }),
    );
    await expect.poll(() => started).toEqual([0, 1]);
    expect(gate.load('w1')).toEqual({ active: 2, waiting: 2 });
    holds[1]!.release();
    await expect.poll(() => started).toEqual([0, 1, 2]);
    holds[0]!.release();
    holds[2]!.release();
    holds[3]!.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(gate.load('w1')).toEqual({ active: 0, waiting: 0 });
  });

  it('does not hold one workshop back for another', async () => {
    const gate = new WorkshopWriteGate(1);
    const h = held();
    const first = gate.run('w1', () => h.promise);
    let otherRan = false;
    await gate.run('w2', async () => {
      otherRan = true;
    });
    expect(otherRan).toBe(true);
    h.release();
    await first;
  });

  it('frees the slot when the work fails, and passes the failure on', async () => {
    const gate = new WorkshopWriteGate(1);
    await expect(gate.run('w1', () => Promise.reject(new Error('deadlock')))).rejects.toThrow(
      'deadlock',
    );
    expect(await gate.run('w1', () => Promise.resolve('next'))).toBe('next');
    expect(gate.load('w1')).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses a width below one', () => {
    expect(() => new WorkshopWriteGate(0)).toThrow(RangeError);
  });
});
