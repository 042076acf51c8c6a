package ptlock.lang.lower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import ptlock.lang.ptlock.Const;
import ptlock.lang.ptlock.Element;
import ptlock.lang.ptlock.EnumDecl;
import ptlock.lang.ptlock.EnumLiteral;
import ptlock.lang.ptlock.InitBlock;
import ptlock.lang.ptlock.Invariant;
import ptlock.lang.ptlock.Model;
import ptlock.lang.load.Includes;
import ptlock.model.series.Architecture;
import ptlock.model.series.Patch;
import ptlock.model.series.Series;
import ptlock.lang.ptlock.Path;
import ptlock.lang.ptlock.Prim;
import ptlock.lang.ptlock.Property;
import ptlock.lang.ptlock.RecordDecl;
import ptlock.lang.ptlock.Scenario;
import ptlock.lang.ptlock.VarDecl;
import ptlock.lang.validation.IssueCodes;

/** Every top-level declaration of a spec and the files it includes, by name. */
public final class SymbolTable {
	/** Names the generated TLA+ uses for itself. */
	private static final java.util.Set<String> RESERVED = java.util.Set.of("Init", "Next", "Spec", "vars", "TypeOK",
			"Terminated", "THREADS");

	public final Map<String, Const> consts = new LinkedHashMap<>();
	public final Map<String, EnumDecl> enums = new LinkedHashMap<>();
	public final Map<String, EnumDecl> enumLiterals = new LinkedHashMap<>();
	public final Map<String, RecordDecl> records = new LinkedHashMap<>();
	public final Map<String, VarDecl> globals = new LinkedHashMap<>();
	public final Map<String, Prim> prims = new LinkedHashMap<>();
	public final Map<String, Path> paths = new LinkedHashMap<>();
	public final Map<String, Property> properties = new LinkedHashMap<>();
	public final Map<String, Invariant> invariants = new LinkedHashMap<>();
	public final List<InitBlock> inits = new ArrayList<>();
	/** 'ignore PROPERTY "reason";' at top level, in every file of the spec */
	public final List<ptlock.lang.ptlock.Ignore> ignores = new ArrayList<>();
	public final Map<String, Scenario> scenarios = new LinkedHashMap<>();
	/** from the included .xmi models (the first of a name wins: they are data, not declarations of this spec) */
	public final Map<String, Series> series = new LinkedHashMap<>();
	public final Map<String, Patch> patches = new LinkedHashMap<>();
	public final Map<String, Architecture> archs = new LinkedHashMap<>();
	private final Map<String, EObject> topNames = new LinkedHashMap<>();

	public static SymbolTable of(List<Model> models, Problems problems) {
		SymbolTable t = new SymbolTable();
		// included files first: a name the spec declares again is reported at the spec's declaration
		List<Model> ordered = new ArrayList<>(models);
		java.util.Collections.reverse(ordered);
		for (Model m : ordered) {
			for (Element e : m.getElements()) {
				t.add(e, problems);
			}
		}
		for (EObject root : Includes.modelRoots(models)) {
			if (root instanceof Architecture a) {
				t.archs.putIfAbsent(a.getName(), a);
			} else if (root instanceof Series s) {
				t.series.putIfAbsent(s.getName(), s);
				s.getPatches().forEach(p -> t.patches.putIfAbsent(p.getName(), p));
			}
		}
		return t;
	}

	private void add(Element e, Problems problems) {
		switch (e) {
		case Const c -> {
			Const declared = consts.get(c.getName());
			if (declared != null && (declared.getValue() == null) != (c.getValue() == null)) {
				// a parameter declared without a value ('const N;') and its definition
				if (c.getValue() != null) {
					consts.put(c.getName(), c);
				}
				return;
			}
			if (declared != null && (declared.isDefault() || c.isDefault()) && declared.isDefault() != c.isDefault()) {
				// 'default const N = 1;' of a library and another file's 'const N = 2;': the definition wins
				if (!c.isDefault()) {
					consts.put(c.getName(), c);
				}
				return;
			}
			put(consts, c.getName(), c, problems);
		}
		case EnumDecl en -> {
			put(enums, en.getName(), en, problems);
			for (EnumLiteral l : en.getLiterals()) {
				put(enumLiterals, l.getName(), en, problems, l);
			}
		}
		case RecordDecl r -> put(records, r.getName(), r, problems);
		case VarDecl v -> put(globals, v.getName(), v, problems);
		case Prim p -> put(prims, p.getName(), p, problems);
		case Path p -> put(paths, p.getName(), p, problems);
		case Property p -> put(properties, p.getName(), p, problems);
		case Invariant i -> put(invariants, i.getName(), i, problems);
		case InitBlock i -> inits.add(i);
		case Scenario s -> put(scenarios, s.getName(), s, problems);
		case ptlock.lang.ptlock.Ignore i -> ignores.add(i);
		default -> throw new IllegalStateException("unexpected element " + e);
		}
	}

	private <T extends EObject> void put(Map<String, T> map, String name, T value, Problems problems) {
		put(map, name, value, problems, value);
	}

	private <T extends EObject> void put(Map<String, T> map, String name, T value, Problems problems, EObject at) {
		if (name == null) {
			return;
		}
		if (RESERVED.contains(name) || name.startsWith("pc_") || name.startsWith("viol_") || name.startsWith("Inv_")) {
			problems.error(IssueCodes.RESERVED_NAME, "'" + name + "' is reserved by ptlock", at);
		}
		EObject previous = topNames.putIfAbsent(name, at);
		if (previous != null) {
			problems.error(IssueCodes.DUPLICATE_NAME,
					"'" + name + "' is already declared at " + Sources.of(previous).position(), at);
			return;
		}
		map.put(name, value);
	}
}
