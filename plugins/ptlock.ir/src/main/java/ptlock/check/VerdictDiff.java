package ptlock.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ptlock.ir.Verdict;

/** Where two engines' results on the same program disagree (conformance, and --engine both). */
public final class VerdictDiff {
	private VerdictDiff() {
	}

	/** The properties whose verdicts differ, as "property: sim=holds tlc=violated". */
	public static List<String> differences(CheckResult a, CheckResult b) {
		Map<String, Verdict> va = a.properties().stream()
				.collect(Collectors.toMap(PropertyResult::property, PropertyResult::verdict));
		Map<String, Verdict> vb = b.properties().stream()
				.collect(Collectors.toMap(PropertyResult::property, PropertyResult::verdict));
		List<String> out = new ArrayList<>();
		for (String p : va.keySet()) {
			if (va.get(p) != vb.get(p)) {
				out.add(p + ": " + a.engine() + "=" + va.get(p).code() + " " + b.engine() + "="
						+ (vb.get(p) == null ? "none" : vb.get(p).code()));
			}
		}
		for (String p : vb.keySet()) {
			if (!va.containsKey(p)) {
				out.add(p + ": " + a.engine() + "=none " + b.engine() + "=" + vb.get(p).code());
			}
		}
		return out;
	}
}
