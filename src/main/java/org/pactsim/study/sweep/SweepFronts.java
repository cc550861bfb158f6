package org.pactsim.study.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pactsim.study.ParetoFront;

/**
 * The Pareto fronts of a sweep, one per objective pair of {@link SweepSpec#pareto()}, over the
 * points that ran and meet every constraint ({@code ok}) and have both objective values
 * finite: the same points and the same dominance ({@link ParetoFront#dominance}) as the report
 * of a sweep folder.
 *
 * <p>Fronts can be built in pieces and merged: the front of a union of point sets is the front
 * of the union of their fronts (dominance is a strict partial order, so a point dominated in
 * the whole set is dominated by a member of some piece's front, and a point no other dominates
 * survives its piece). {@link #merge} offers the pieces' members in point order, so the merged
 * front — members, and their order among equal values — is the one of a single pass in point
 * order. {@link #front} returns a front sorted by x, then y, then point order.
 */
public final class SweepFronts {
    private final List<int[]> columns;
    private final List<ParetoFront<FrontPoint>> fronts = new ArrayList<>();

    /**
     * @param spec    the sweep (its objectives and Pareto pairs)
     * @param metrics the metric columns of its rows ({@link PointEvaluator#metricColumns()})
     */
    public SweepFronts(SweepSpec spec, List<String> metrics) {
        columns = new ArrayList<>();
        for (List<String> pair : spec.pareto()) {
            Objective a = spec.objective(pair.get(0));
            Objective b = spec.objective(pair.get(1));
            int ca = metrics.indexOf(a.metric());
            int cb = metrics.indexOf(b.metric());
            if (ca < 0 || cb < 0) {
                throw new IllegalArgumentException("objective pair " + pair + " not among the columns " + metrics);
            }
            columns.add(new int[] {ca, cb});
            fronts.add(new ParetoFront<>(ParetoFront.dominance(
                    new ParetoFront.Goal<FrontPoint>(FrontPoint::x, a.maximize()),
                    new ParetoFront.Goal<FrontPoint>(FrontPoint::y, b.maximize()))));
        }
    }

    /** The number of fronts (Pareto pairs). */
    public int size() {
        return fronts.size();
    }

    /** Offers a row to every front; rows that are not {@code ok} or lack a value are left out. */
    public void offer(PointRow r) {
        if (r.status() != PointRow.Status.OK) {
            return;
        }
        for (int k = 0; k < fronts.size(); k++) {
            double x = r.metric(columns.get(k)[0]);
            double y = r.metric(columns.get(k)[1]);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                fronts.get(k).offer(new FrontPoint(r.index(), r.pointId(), r.values(), x, y));
            }
        }
    }

    /** Offers front {@code k}'s candidates of another piece (e.g. a partition's local front). */
    public void offer(int k, FrontPoint p) {
        fronts.get(k).offer(p);
    }

    /**
     * The fronts of pieces merged: {@code pieces.get(j).get(k)} is piece {@code j}'s front
     * {@code k}. Candidates are offered in point order (see the class comment).
     */
    public void merge(List<List<List<FrontPoint>>> pieces) {
        for (int k = 0; k < fronts.size(); k++) {
            List<FrontPoint> all = new ArrayList<>();
            for (List<List<FrontPoint>> piece : pieces) {
                all.addAll(piece.get(k));
            }
            all.sort(Comparator.comparingLong(FrontPoint::index));
            for (FrontPoint p : all) {
                fronts.get(k).offer(p);
            }
        }
    }

    /** Front {@code k}'s members in arrival order. */
    public List<FrontPoint> members(int k) {
        return fronts.get(k).members();
    }

    /** Front {@code k} sorted by x, then y (stable: equal points stay in arrival order). */
    public List<FrontPoint> front(int k) {
        List<FrontPoint> out = new ArrayList<>(fronts.get(k).members());
        out.sort(Comparator.comparingDouble(FrontPoint::x).thenComparingDouble(FrontPoint::y));
        return out;
    }
}
