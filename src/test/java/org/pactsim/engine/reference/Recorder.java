package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A cycle trace kept in memory, for tests. */
final class Recorder implements CycleTrace {
    record Ev(long cycle, long fold, Unit unit, int row, int col, Event event, long value) {
    }

    final List<Ev> events = new ArrayList<>();

    @Override
    public void event(long cycle, int core, long fold, Unit unit, int row, int col, Event event, long value) {
        events.add(new Ev(cycle, fold, unit, row, col, event, value));
    }

    List<Ev> of(Event e) {
        return where(x -> x.event() == e);
    }

    List<Ev> where(Predicate<Ev> p) {
        return events.stream().filter(p).toList();
    }
}
