#!/bin/bash
# Submits the ten folds as a job array and the merge as a job that waits for all of them.
# Usage: STORE=/shared/luna16-store OUT=/shared/cv-run1 docs/slurm/submit.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
array_id=$(sbatch --parsable --export=ALL "$here/cv-folds.sbatch")
sbatch --dependency=afterok:"$array_id" --export=ALL "$here/cv-merge.sbatch"
echo "submitted folds as job $array_id"
