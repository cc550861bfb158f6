package org.pactsim.cli;

import org.pactsim.engine.TimingModel;
import org.pactsim.io.InputException;
import org.pactsim.spec.Dataflow;

/** Parsing of option values shared by several commands, with pactsim's error messages. */
final class Options {
    private Options() {
    }

    static TimingModel model(String s) {
        TimingModel m = TimingModel.parse(s);
        if (m == null) {
            throw InputException.at("--model", null, "pactsim or scalesim", InputException.quote(s));
        }
        return m;
    }

    static Dataflow dataflow(String s) {
        Dataflow d = Dataflow.parse(s);
        if (d == null) {
            throw InputException.at("--dataflow", null, "os, ws or is", InputException.quote(s));
        }
        return d;
    }
}
