// Stand-in for office-addin-manifest inside Jest: office-addin-mock imports it only for
// telemetry helpers we never call, and the real package reaches for the network.
export const OfficeAddinManifest = {};
export const usageDataObject = { reportSuccess: () => undefined, reportException: () => undefined };
export default {};
