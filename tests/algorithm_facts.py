"""A hand-checked fact table for every built-in algorithm, read off AWS's documentation (the
SageMaker developer guide pages named in each comment): tests/data/test_algorithm_facts.py
checks it covers every algorithm, tests/site/test_algorithm_pages.py that each fact is on
the rendered page."""

# (algorithm, hyperparameter, documented default) -- *_hyperparameters pages
DEFAULTS = [
    ("xgboost", "eta", "0.3"), ("xgboost", "max_depth", "6"),
    ("linear-learner", "mini_batch_size", "1000"), ("linear-learner", "epochs", "15"),
    ("factorization-machines", "epochs", "1"), ("factorization-machines", "mini_batch_size", "1000"),
    ("k-nn", "index_type", "faiss.Flat"), ("k-nn", "index_metric", "L2"),
    ("autogluon-tabular", "presets", "medium_quality"), ("autogluon-tabular", "eval_metric", "auto"),
    ("catboost", "iterations", "500"), ("catboost", "learning_rate", "0.009"),
    ("lightgbm", "num_boost_round", "100"), ("lightgbm", "learning_rate", "0.1"),
    ("tabtransformer", "n_epochs", "5"), ("tabtransformer", "batch_size", "256"),
    ("k-means", "mini_batch_size", "5000"), ("k-means", "init_method", "random"),
    ("pca", "algorithm_mode", "regular"), ("pca", "subtract_mean", "true"),
    ("random-cut-forest", "num_trees", "100"), ("random-cut-forest", "num_samples_per_tree", "256"),
    ("ip-insights", "epochs", "10"), ("ip-insights", "learning_rate", "0.001"),
    ("deepar", "likelihood", "student-T"), ("deepar", "learning_rate", "0.001"),
    ("blazingtext", "epochs", "5"), ("blazingtext", "vector_dim", "100"),
    ("seq2seq", "batch_size", "64"), ("seq2seq", "max_seq_len_source", "100"),
    ("object2vec", "epochs", "30"), ("object2vec", "mini_batch_size", "32"),
    ("lda", "alpha0", "1.0"), ("lda", "max_restarts", "10"),
    ("ntm", "epochs", "50"), ("ntm", "mini_batch_size", "256"),
    ("image-classification-mxnet", "epochs", "30"), ("image-classification-mxnet", "learning_rate", "0.1"),
    ("image-classification-tensorflow", "epochs", "3"), ("image-classification-tensorflow", "batch_size", "32"),
    ("object-detection-mxnet", "epochs", "30"), ("object-detection-mxnet", "learning_rate", "0.001"),
    ("object-detection-tensorflow", "batch_size", "3"), ("object-detection-tensorflow", "learning_rate", "0.001"),
    ("semantic-segmentation", "epochs", "10"), ("semantic-segmentation", "backbone", "resnet-50"),
    ("text-classification-tensorflow", "epochs", "10"), ("text-classification-tensorflow", "batch_size", "32"),
]

# (algorithm, metric exactly as AWS names it, direction) -- *-tuning pages
METRICS = [
    ("xgboost", "validation:auc", "Maximize"), ("linear-learner", "test:absolute_loss", "Minimize"),
    ("factorization-machines", "test:rmse", "Minimize"), ("k-nn", "test:accuracy", "Maximize"),
    ("catboost", "RMSE", "Minimize"), ("lightgbm", "rmse", "Minimize"), ("tabtransformer", "r2", "Maximize"),
    ("k-means", "test:msd", "Minimize"), ("random-cut-forest", "test:f1", "Maximize"),
    ("ip-insights", "validation:discriminator_auc", "Maximize"), ("deepar", "test:RMSE", "Minimize"),
    ("blazingtext", "validation:accuracy", "Maximize"), ("seq2seq", "validation:bleu", "Maximize"),
    ("object2vec", "test:mean_squared_error", "Minimize"), ("lda", "test:pwll", "Maximize"),
    ("ntm", "validation:total_loss", "Minimize"), ("image-classification-mxnet", "validation:accuracy", "Maximize"),
    ("image-classification-tensorflow", "validation:accuracy", "Maximize"), ("object-detection-mxnet", "validation:mAP", "Maximize"),
    ("object-detection-tensorflow", "validation:localization_loss", "Minimize"),
    ("semantic-segmentation", "validation:mIOU", "Maximize"), ("text-classification-tensorflow", "validation:accuracy", "Maximize"),
]

# (algorithm, content type) -- the algorithm's input/output and data-format pages
CONTENT_TYPES = [
    ("xgboost", "text/libsvm"), ("linear-learner", "application/x-recordio-protobuf"),
    ("factorization-machines", "application/x-recordio-protobuf"), ("k-nn", "text/csv"),
    ("autogluon-tabular", "text/csv"), ("catboost", "text/csv"), ("lightgbm", "text/csv"),
    ("tabtransformer", "text/csv"), ("k-means", "text/csv"), ("pca", "application/x-recordio-protobuf"),
    ("random-cut-forest", "text/csv"), ("ip-insights", "text/csv"), ("deepar", "application/jsonlines"),
    ("blazingtext", "application/json"), ("seq2seq", "application/x-recordio-protobuf"),
    ("object2vec", "application/jsonlines"), ("lda", "application/x-recordio-protobuf"),
    ("ntm", "application/x-recordio-protobuf"), ("image-classification-mxnet", "application/x-recordio"),
    ("image-classification-tensorflow", "application/x-image"), ("object-detection-mxnet", "application/x-recordio"),
    ("object-detection-tensorflow", "application/x-image"), ("semantic-segmentation", "image/png"),
    ("text-classification-tensorflow", "application/x-text"),
]
