package ptlock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** 'ptlock --version': ptlock's version (written into version.properties by the build) and the TLC it bundles. */
final class Version implements IVersionProvider {
	@Override
	public String[] getVersion() {
		return new String[] { "ptlock " + ptlock(), "TLC " + tlc() + " (tla2tools, run in a forked JVM)",
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")" };
	}

	static String ptlock() {
		Properties p = new Properties();
		try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				p.load(in);
			}
		} catch (IOException e) {
			// an unreadable resource is an unknown version, not a failure of --version
		}
		return p.getProperty("version", "(unknown version)");
	}

	static String tlc() {
		// a plain static field of TLC's (its class initialiser sets it and touches nothing else)
		return tlc2.TLCGlobals.versionOfTLC;
	}
}
