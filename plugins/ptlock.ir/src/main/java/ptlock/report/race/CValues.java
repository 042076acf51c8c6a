package ptlock.report.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import ptlock.ir.Program;
import ptlock.ir.ThreadIr;
import ptlock.ir.VarView;
import ptlock.report.json.TlaJson;

/**
 * State values in C notation, from the TLA+ text both engines give (TlaJson reads it): arrays and sets as
 * {@code {a, b}}, records as {@code {.kind = PmdTable, .table = 1}}, enum literals bare, CPUs by name (0 is
 * nobody), and the elements of arrays that {@code @names} names by what they are. A change is shown element by
 * element and field by field ({@code pmd[1].table = 1}), so a step that takes a lock reads
 * {@code lock_owner[ptl of PT page 1] = cpu0}.
 */
final class CValues {
	private static final String NOBODY = "nobody";
	private final Program program;

	CValues(Program program) {
		this.program = program;
	}

	/** The variable's value. */
	String show(String var, String tlaText) {
		return show(parse(tlaText), program.view(var), true);
	}

	/** What changed from before to after, element by element; before == null: the whole value. */
	List<Race.Change> changes(String target, String var, String before, String after) {
		List<Race.Change> out = new ArrayList<>();
		JsonElement b = before == null ? null : parse(before);
		diff(target, b, parse(after), program.view(var), true, out);
		return out;
	}

	private void diff(String target, JsonElement before, JsonElement after, VarView view, boolean top,
			List<Race.Change> out) {
		if (before != null && before.equals(after)) {
			return;
		}
		if (before instanceof JsonArray b && after instanceof JsonArray a && b.size() == a.size()) {
			for (int i = 0; i < a.size(); i++) {
				diff(target + "[" + index(i, view, top) + "]", b.get(i), a.get(i), view, false, out);
			}
		} else if (before instanceof JsonObject b && after instanceof JsonObject a && !isSet(a) && !isSet(b)
				&& b.keySet().equals(a.keySet()) && fewChanged(b, a)) {
			for (String f : a.keySet()) {
				diff(target + "." + f, b.get(f), a.get(f), view, false, out);
			}
		} else {
			out.add(new Race.Change(target, show(after, view, top)));
		}
	}

	/** Field by field only while most fields stay: a record that is mostly new reads better whole. */
	private static boolean fewChanged(JsonObject before, JsonObject after) {
		long changed = after.keySet().stream().filter(f -> !after.get(f).equals(before.get(f))).count();
		return changed <= 1 || changed * 2 <= after.size();
	}

	private static String index(int i, VarView view, boolean top) {
		return top && i < view.elementNames().size() ? view.elementNames().get(i) : Integer.toString(i + 1);
	}

	private String show(JsonElement v, VarView view, boolean top) {
		if (v instanceof JsonPrimitive p) {
			if (p.isBoolean()) {
				return p.getAsBoolean() ? "true" : "false";
			}
			if (p.isNumber()) {
				return view.cpus() ? cpu(p.getAsInt()) : p.getAsString();
			}
			return p.getAsString();
		}
		if (v instanceof JsonArray a) {
			List<String> parts = new ArrayList<>();
			boolean named = top && !view.elementNames().isEmpty();
			for (int i = 0; i < a.size(); i++) {
				String s = show(a.get(i), view, false);
				parts.add(named ? "[" + index(i, view, true) + "] = " + s : s);
			}
			return "{" + String.join(", ", parts) + "}";
		}
		JsonObject o = (JsonObject) v;
		List<String> parts = new ArrayList<>();
		if (isSet(o)) {
			for (JsonElement e : o.getAsJsonArray(TlaJson.SET_KEY)) {
				parts.add(show(e, view, false));
			}
			return "{" + String.join(", ", parts) + "}";
		}
		for (Map.Entry<String, JsonElement> f : o.entrySet()) {
			parts.add("." + f.getKey() + " = " + show(f.getValue(), view, false));
		}
		return "{" + String.join(", ", parts) + "}";
	}

	/** Thread ids are 1-based in the model; 0 is nobody. */
	private String cpu(int id) {
		if (id == 0) {
			return NOBODY;
		}
		List<ThreadIr> threads = program.threads();
		return id >= 1 && id <= threads.size() ? threads.get(id - 1).name() : Integer.toString(id);
	}

	private static boolean isSet(JsonElement e) {
		return e instanceof JsonObject o && o.size() == 1 && o.has(TlaJson.SET_KEY);
	}

	private static JsonElement parse(String tlaText) {
		try {
			return TlaJson.toJson(tlaText);
		} catch (IllegalArgumentException e) {
			// a value neither engine writes: show it as it came
			return new JsonPrimitive(tlaText);
		}
	}
}
