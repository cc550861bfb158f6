package org.pactsim.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The input errors of one file, collected instead of thrown, for {@code pactsim validate}:
 * a reader given one records each {@link InputException} and goes on with the next key, row
 * or layer. Readers given none ({@code null}) stay strict and throw the first error. Holds at
 * most {@value #MAX} messages, so a hostile file cannot fill the memory with them.
 */
public final class InputProblems {
    /** Most messages kept; later ones are counted only. */
    public static final int MAX = 200;

    private final List<String> messages = new ArrayList<>();
    private int count;

    /** Records {@code e}'s one-line message. */
    public void add(InputException e) {
        count++;
        if (messages.size() < MAX) {
            messages.add(e.getMessage());
        }
    }

    /** Problems recorded, including those past {@value #MAX} whose messages were dropped. */
    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The messages kept, in the order found. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /**
     * Strict ({@code problems == null}): throws {@code e}. Collecting: records it and returns
     * {@code fallback}, a stand-in value that lets the reader go on.
     */
    public static <T> T recover(InputProblems problems, InputException e, T fallback) {
        if (problems == null) {
            throw e;
        }
        problems.add(e);
        return fallback;
    }
}
