// Render DiceBear cartoon faces as SVG: node render.mjs STYLE FIRST COUNT SIZE -> a JSON list of
// {seed, svg} on stdout. The seed is "<style>-<index>", so one index always gives one face.
import { createAvatar } from '@dicebear/core';
import * as collection from '@dicebear/collection';

const [style, first, count, size] = [process.argv[2], +process.argv[3], +process.argv[4], +process.argv[5]];
const backgrounds = ['b6e3f4', 'c0aede', 'd1d4f9', 'ffd5dc', 'ffdfbf', 'c1f0c1', 'f4e3b6', 'e0e0e0'];
const faces = [];
for (let i = first; i < first + count; i++) {
  const seed = `${style}-${i}`;
  faces.push({ seed, svg: createAvatar(collection[style], { seed, size, backgroundColor: backgrounds }).toString() });
}
process.stdout.write(JSON.stringify(faces));
