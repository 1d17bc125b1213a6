/**
 * The request header through which the Express server tells Payload the client's address. Express
 * sets it from its own view of the connection (and TRUST_PROXY), dropping any value a client sent.
 */
export const CLIENT_IP_HEADER = 'x-newsroom-client-ip'
