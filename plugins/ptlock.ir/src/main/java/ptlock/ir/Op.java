package ptlock.ir;

/** Operators of the core expression language; set operators are distinct from integer ones after typing. */
public enum Op {
	ADD("+"), SUB("-"), MUL("*"), DIV("\\div"), MOD("%"),
	EQ("="), NE("#"), LT("<"), LE("<="), GT(">"), GE(">="),
	AND("/\\"), OR("\\/"), NOT("~"), NEG("-"),
	IN("\\in"), UNION("\\cup"), DIFF("\\");

	/** The TLA+ spelling. */
	public final String tla;

	Op(String tla) {
		this.tla = tla;
	}
}
