"""Pages 9-15 of the lecture, from scratch in NumPy: perceptron, bias-variance, the MLP (XOR),
backpropagation, activations and vanishing gradients, batch normalization, convolution and pooling."""
