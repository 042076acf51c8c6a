package ptlock.report.sarif;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A rule of driver.rules (a SARIF reportingDescriptor): what a result's ruleId refers to, and what code scanning
 * shows as the rule's help.
 *
 * @param name a readable identifier (may be null)
 * @param shortDescription one line
 * @param help the full description and help text, plain text
 * @param helpUri where the documentation is, or null; absolute, as SARIF wants (code scanning links to it)
 */
public record SarifRule(String id, String name, String shortDescription, String help, String helpUri) {

	public SarifRule {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a rule needs an id");
		}
		if (helpUri != null && !absolute(helpUri)) {
			throw new IllegalArgumentException("helpUri must be an absolute URI: " + helpUri);
		}
	}

	static boolean absolute(String uri) {
		try {
			return new URI(uri).isAbsolute();
		} catch (URISyntaxException e) {
			return false;
		}
	}
}
