import { describeSet } from '../src/core/model/criteria';
import { generateSet } from './helpers/generate';

test('generated sets have exactly the leaves asked for and are valid', () => {
  for (const n of [1, 8, 89, 1000]) expect(describeSet(generateSet(n, 7)).leaves).toBe(n);
  expect(generateSet(50, 3)).toEqual(generateSet(50, 3));
});
