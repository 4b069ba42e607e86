import * as tf from '@tensorflow/tfjs';

// Node has no WebGL; the cpu backend is the reference everywhere in unit tests.
tf.ENV.set('IS_TEST', true);
await tf.setBackend('cpu');
await tf.ready();
