"""Pages 1-8 of the lecture: evaluation metrics, linear and multiple regression, gradient descent and
its optimizers, stochastic and mini-batch gradient descent on the lecture's own data (``sgd``), Newton's
method, logistic regression, the frameworks section. NumPy only (torch appears only as a reference
inside tests and in ``frameworks``' autograd demo)."""
