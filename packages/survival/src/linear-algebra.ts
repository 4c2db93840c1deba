/**
 * Small dense linear algebra for the tests and models (internal): solving symmetric
 * positive definite systems by Cholesky decomposition. Matrices are arrays of rows.
 */

/** Cholesky factor L (lower triangular, A = L Lᵀ); null when A is not positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const factor = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let row = 0; row < size; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = matrix[row]![column]!;
      for (let k = 0; k < column; k++) sum -= factor[row]![k]! * factor[column]![k]!;
      if (row === column) {
        if (!(sum > 1e-300)) return null;
        factor[row]![row] = Math.sqrt(sum);
      } else factor[row]![column] = sum / factor[column]![column]!;
    }
  }
  return factor;
}

/** Solve A x = b for symmetric positive definite A; null when A is singular. */
export function solveSymmetric(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const factor = cholesky(matrix);
  if (factor === null) return null;
  const size = rhs.length;
  const forward = new Array<number>(size);
  for (let row = 0; row < size; row++) {
    let sum = rhs[row]!;
    for (let k = 0; k < row; k++) sum -= factor[row]![k]! * forward[k]!;
    forward[row] = sum / factor[row]![row]!;
  }
  const solution = new Array<number>(size);
  for (let row = size - 1; row >= 0; row--) {
    let sum = forward[row]!;
    for (let k = row + 1; k < size; k++) sum -= factor[k]![row]! * solution[k]!;
    solution[row] = sum / factor[row]![row]!;
  }
  return solution;
}

/** Inverse of a symmetric positive definite matrix; null when singular. */
export function invertSymmetric(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const inverse: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let column = 0; column < size; column++) {
    const unit = new Array<number>(size).fill(0);
    unit[column] = 1;
    const solved = solveSymmetric(matrix, unit);
    if (solved === null) return null;
    for (let row = 0; row < size; row++) inverse[row]![column] = solved[row]!;
  }
  return inverse;
}

/** xᵀ A⁻¹ x, or NaN when A is singular. */
export function quadraticFormInverse(matrix: readonly (readonly number[])[], vector: readonly number[]): number {
  const solved = solveSymmetric(matrix, vector);
  if (solved === null) return Number.NaN;
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += solved[index]! * vector[index]!;
  return sum;
}
