/**
 * Where runs write: report folders claimed, staged and committed whole ({@link
 * org.pactsim.io.out.OutputFolder}), and files written to a temporary sibling and renamed
 * ({@link org.pactsim.io.out.AtomicFiles}), so nothing already written is lost or half-written.
 */
package org.pactsim.io.out;
