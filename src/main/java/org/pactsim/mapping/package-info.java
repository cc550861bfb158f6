/**
 * How a GEMM maps onto an {@code R x C} array under a dataflow: spatial rows {@code Sr},
 * spatial columns {@code Sc}, temporal extent {@code T}, and the folds that tile
 * {@code Sr x Sc} onto the array.
 *
 * <p>Not here: timing (see {@code org.pactsim.engine}).
 */
package org.pactsim.mapping;
