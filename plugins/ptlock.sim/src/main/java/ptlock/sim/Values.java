package ptlock.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ptlock.ir.Type;
import ptlock.ir.Var;

/** Renders state slots as TLA+ values, the way TLC prints them in traces, so both engines show the same text. */
final class Values {
	private Values() {
	}

	static Map<String, String> render(Layout layout, int[] s) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Var v : layout.vars()) {
			out.put(v.name(), render(v.type(), s, layout.offset(v)));
		}
		for (Map.Entry<String, Integer> f : layout.flags().entrySet()) {
			out.put("viol_" + f.getKey(), s[f.getValue()] != 0 ? "TRUE" : "FALSE");
		}
		return out;
	}

	static String render(Type t, int[] s, int at) {
		return switch (t) {
		case Type.Bool b -> s[at] != 0 ? "TRUE" : "FALSE";
		case Type.Range r -> Integer.toString(s[at]);
		case Type.Enum e -> s[at] >= 0 && s[at] < e.literals().size() ? "\"" + e.literals().get(s[at]) + "\""
				: Integer.toString(s[at]);
		case Type.Set st -> {
			List<String> elems = new ArrayList<>();
			for (int v = 0; v < 31; v++) {
				if (((s[at] >> v) & 1) != 0) {
					elems.add(Integer.toString(v));
				}
			}
			yield "{" + String.join(", ", elems) + "}";
		}
		case Type.Array a -> {
			List<String> elems = new ArrayList<>();
			int w = Layout.width(a.elem());
			for (int i = 0; i < a.size(); i++) {
				elems.add(render(a.elem(), s, at + i * w));
			}
			yield "<<" + String.join(", ", elems) + ">>";
		}
		case Type.Record r -> {
			List<String> fields = new ArrayList<>();
			int off = at;
			for (Type.Field f : r.fields()) {
				fields.add(f.name() + " |-> " + render(f.type(), s, off));
				off += Layout.width(f.type());
			}
			yield "[" + String.join(", ", fields) + "]";
		}
		};
	}
}
