package ptlock.ir;

/** A step-local value: exists only while one atomic step executes (see {@link Stmt.Let}, {@link Stmt.Pick}). */
public record Temp(String name, Type type) {
}
