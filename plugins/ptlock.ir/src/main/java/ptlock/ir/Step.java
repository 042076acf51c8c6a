package ptlock.ir;

import java.util.List;

/**
 * One atomic step of a thread: what happens between two moments at which other threads may run. Races live
 * between steps. The label is the kernel line it models, as written in the .ptl file.
 */
public record Step(int id, String label, SourceLoc loc, List<Stmt> body) {
}
