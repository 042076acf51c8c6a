package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.List;

import ptlock.ir.ThreadShape;
import ptlock.lang.ptlock.BaseType;
import ptlock.lang.ptlock.ConstBound;
import ptlock.lang.ptlock.Field;
import ptlock.lang.ptlock.IntBound;
import ptlock.lang.ptlock.NameRef;
import ptlock.lang.ptlock.NamedType;
import ptlock.lang.ptlock.RangeType;
import ptlock.lang.ptlock.RecordDecl;
import ptlock.lang.ptlock.SetType;
import ptlock.lang.ptlock.ThreadType;

/**
 * Where a declared type holds thread ids (Program.shapes): 'thread', 'set of thread' / 'set of 1..THREADS', and
 * arrays whose dimension is written 'THREADS'. Read off the declaration as written: an array sized by a constant
 * that happens to equal THREADS is not indexed by thread.
 */
final class ThreadShapes {
	private final SymbolTable symbols;

	ThreadShapes(SymbolTable symbols) {
		this.symbols = symbols;
	}

	ThreadShape of(ptlock.lang.ptlock.Type t) {
		ThreadShape s = base(t.getBase(), 0);
		// C order: T[a][b] is an array of a arrays of b elements
		for (int i = t.getDims().size() - 1; i >= 0; i--) {
			boolean byThread = t.getDims().get(i) instanceof NameRef n && "THREADS".equals(n.getName());
			s = byThread || s.hasThreads() ? new ThreadShape.Array(s, byThread) : ThreadShape.NONE;
		}
		return s;
	}

	private ThreadShape base(BaseType b, int depth) {
		return switch (b) {
		case ThreadType x -> new ThreadShape.Id();
		case SetType s when s.getElem() instanceof ThreadType -> new ThreadShape.IdSet();
		case SetType s when s.getElem() instanceof RangeType r && r.getLo() instanceof IntBound lo
				&& lo.getValue() == 1 && r.getHi() instanceof ConstBound hi && "THREADS".equals(hi.getName()) ->
			new ThreadShape.IdSet();
		case NamedType n when depth < 8 && symbols.records.get(n.getName()) instanceof RecordDecl r -> record(r, depth);
		default -> ThreadShape.NONE;
		};
	}

	private ThreadShape record(RecordDecl r, int depth) {
		List<ThreadShape> fields = new ArrayList<>();
		for (Field f : r.getFields()) {
			fields.add(f.getType().getDims().isEmpty() ? base(f.getType().getBase(), depth + 1) : of(f.getType()));
		}
		return fields.stream().anyMatch(ThreadShape::hasThreads) ? new ThreadShape.Record(fields) : ThreadShape.NONE;
	}
}
