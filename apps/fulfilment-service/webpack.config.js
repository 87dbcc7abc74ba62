// The workspace's service build (tools/build/service-webpack.config.js), with this service's migrations beside main.js.
module.exports = require('../../tools/build/service-webpack.config')(__dirname, { migrations: true });
