package ptlock.lang.scoping;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import ptlock.lang.ptlock.PtlockPackage;
import ptlock.lang.validation.IssueCodes;

/** Unresolved architecture and patch names get the language's own issue codes and say what is known. */
public class LinkingMessages extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String name = context.getLinkText();
		if (context.getReference() == PtlockPackage.Literals.ON_ARCHS__ARCHS) {
			return new DiagnosticMessage("unknown architecture '" + name + "'"
					+ known(PtlockScopeProvider.architectures(context.getContext()).stream().map(a -> a.getName()).toList(),
							"include an architecture model, e.g. include \"../arch/architectures.ptl\";"),
					Severity.ERROR, IssueCodes.UNKNOWN_ARCH);
		}
		if (context.getReference() == PtlockPackage.Literals.AT_PATCH__PATCH
				|| context.getReference() == PtlockPackage.Literals.SINCE_STMT__PATCH) {
			return new DiagnosticMessage("unknown patch '" + name + "'"
					+ known(PtlockScopeProvider.patches(context.getContext()).stream().map(p -> p.getName()).toList(),
							"include a series model ('ptlock import' writes one)"),
					Severity.ERROR, IssueCodes.UNKNOWN_PATCH);
		}
		return super.getUnresolvedProxyMessage(context);
	}

	private static String known(List<String> names, String hint) {
		return names.isEmpty() ? " (none is included: " + hint + ")"
				: " (known: " + names.stream().collect(Collectors.joining(", ")) + ")";
	}
}
