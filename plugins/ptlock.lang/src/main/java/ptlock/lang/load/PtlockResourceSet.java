package ptlock.lang.load;

import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.resource.XtextResourceSet;

import ptlock.model.series.SeriesPackage;

/**
 * The resource set specs load into: .ptl files through Xtext, and the .xmi architecture and series models they
 * include through EMF. Registered per resource set, so the CLI, the tests and Eclipse behave alike.
 */
public class PtlockResourceSet extends XtextResourceSet {
	public PtlockResourceSet() {
		getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		getPackageRegistry().put(SeriesPackage.eNS_URI, SeriesPackage.eINSTANCE);
	}
}
