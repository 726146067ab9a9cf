// jsforce picks a proxy from these at load time and ignores NO_PROXY; every call in tests is to loopback.
for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete process.env[name];
