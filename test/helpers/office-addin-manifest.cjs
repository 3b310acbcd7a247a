// office-addin-mock only needs the OfficeApp enum; the real office-addin-manifest pulls ESM-only packages jest cannot require.
module.exports = require('../../node_modules/office-addin-manifest/lib/officeApp.js');
