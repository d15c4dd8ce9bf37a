/** Exports of results: IAMC CSV (the format of pyam and the IPCC AR6 database) and run manifests as JSON. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package etw.io;
