"""The original project's way of cutting cubes, for `compare cubes`: numpy slicing of the scan around each
centre, zero padding where the cube leaves the scan, clip to the lung window and scale to [0, 1] in float32.
Arguments: raw int16 voxels, Z, Y, X, centres file (z y x per line). Each line "run" on standard input cuts
every centre once and prints cubes per second of wall time and of CPU time, so the caller can alternate rounds
with its own on a busy machine; end of input stops."""
import sys
import time

import numpy as np

raw, Z, Y, X, centres_path = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]
scan = np.fromfile(raw, dtype="<i2").reshape(Z, Y, X)
centres = np.loadtxt(centres_path, dtype=np.int64).reshape(-1, 3)
size = np.array([26, 40, 40])


def cube(c):
    first = c - size // 2
    end = c + (size + 1) // 2
    lo = np.maximum(first, 0)
    hi = np.minimum(end, scan.shape)
    out = np.zeros(tuple(size), dtype=np.float32)
    if np.all(hi > lo):
        part = scan[lo[0]:hi[0], lo[1]:hi[1], lo[2]:hi[2]]
        part = (np.clip(part, -1000, 400).astype(np.float32) + 1000.0) / 1400.0
        o = lo - first
        out[o[0]:o[0] + part.shape[0], o[1]:o[1] + part.shape[1], o[2]:o[2] + part.shape[2]] = part
    return out


checksum = 0.0
for c in centres[:50]:  # warm-up
    checksum += float(cube(c)[13, 20, 20])
print("ready", flush=True)
for line in sys.stdin:
    start, cpu = time.perf_counter(), time.process_time()
    for c in centres:
        checksum += float(cube(c)[13, 20, 20])
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(centres) / wall:.1f} {len(centres) / cpu:.1f}", flush=True)
