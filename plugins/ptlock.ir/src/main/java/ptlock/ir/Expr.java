package ptlock.ir;

import java.util.List;

/** Typed expressions of the IR. Names are resolved; thread-local variables are per-thread state variables. */
public sealed interface Expr {

	Type type();

	record IntLit(int value, Type type) implements Expr {
	}

	record BoolLit(boolean value) implements Expr {
		@Override
		public Type type() {
			return new Type.Bool();
		}
	}

	record EnumLit(Type.Enum type, String literal) implements Expr {
	}

	/** A read of a state variable (global, thread-local or program counter). */
	record VarRef(Var var) implements Expr {
		@Override
		public Type type() {
			return var.type();
		}
	}

	/** A value that lives only during one atomic step (a pick, a call's result): not part of the state. */
	record TempRef(Temp temp) implements Expr {
		@Override
		public Type type() {
			return temp.type();
		}
	}

	/** A variable bound by a quantifier or set builder. */
	record BoundRef(String name, Type type) implements Expr {
	}

	record Index(Expr base, Expr index, Type type) implements Expr {
	}

	record FieldGet(Expr base, String field, Type type) implements Expr {
	}

	record Unary(Op op, Expr operand, Type type) implements Expr {
	}

	record Binary(Op op, Expr left, Expr right, Type type) implements Expr {
	}

	record Cond(Expr cond, Expr then, Expr otherwise, Type type) implements Expr {
	}

	record SetLit(List<Expr> elems, Type.Set type) implements Expr {
	}

	/** { name in lo..hi where cond } */
	record SetBuilder(String name, Expr lo, Expr hi, Expr cond, Type.Set type) implements Expr {
	}

	/** forall / exists name in lo..hi : body */
	record Quant(boolean forall, String name, Expr lo, Expr hi, Expr body) implements Expr {
		@Override
		public Type type() {
			return new Type.Bool();
		}
	}

	record RecordLit(Type.Record type, List<Expr> values) implements Expr {
	}
}
