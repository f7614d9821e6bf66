import { mapConcurrently } from './concurrency';

describe('mapConcurrently', () => {
  it('keeps the input order and never has more calls in flight than the limit', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      inFlight -= 1;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('answers an empty list with an empty list and passes a failure on', async () => {
    await expect(mapConcurrently([], 3, async () => 1)).resolves.toEqual([]);
    await expect(
      mapConcurrently([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('gagal');
        return n;
      }),
    ).rejects.toThrow('gagal');
  });
});
